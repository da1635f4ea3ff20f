/** The version of the story model's shape (`StoryModel.version`); the app checks it before drawing. */
export const storyModelVersion = 2;
