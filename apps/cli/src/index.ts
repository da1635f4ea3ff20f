export * from '@claimlens/core';
export * from '@claimlens/annotator';
export { main, usage } from './main.js';
export { annotationReport, corpusReport } from './report.js';
