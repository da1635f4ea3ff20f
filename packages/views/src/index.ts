export {
  datedTime,
  passageOf,
  type StoryActor,
  type StoryArticle,
  type StoryClaim,
  type StoryDispute,
  type StoryEvent,
  type StoryModel,
  type StoryOptions,
  type StoryPassage,
  type StoryPlace,
  storyModel,
} from './model.js';
export { storyModelVersion } from './version.js';
