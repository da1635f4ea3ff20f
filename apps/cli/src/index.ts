export * from '@claimlens/annotator';
export * from '@claimlens/core';
export { main, usage } from './main.js';
export { annotationReport, corpusReport } from './report.js';
