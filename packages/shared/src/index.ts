export * from './errors';
export * from './roles';
export * from './schemas/auth';
export * from './schemas/common';
export * from './schemas/files';
export * from './schemas/units';
export * from './text';
