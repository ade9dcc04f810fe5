/** APA Sheets core: host-free reading, validation, scoring and consolidation of APA plans. */
export * from './grid';
export * from './bengali-digits';
export * from './dates';
export * from './values';
export * from './units';
export * from './plan';
export * from './layout';
export * from './score';
export * from './settings';
export * from './validate';
export * from './next';
export * from './highlight';
export * from './consolidate';
export * from './report';
export * from './functions';
export * from './messages';
export * from './json';
