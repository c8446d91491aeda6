/** The voter roll of an election (issue 5): build, read and count; post and amend; export and print. */
export * from './build';
export * from './common';
export * from './exports';
export * from './polling-pack';
export * from './posting';
