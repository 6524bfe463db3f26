export * from './enums.js';
export * from './api.js';
export * from './levels.js';
export * from './fieldwork.js';
export * from './assets.js';
export * from './inspections.js';
export * from './training.js';
export * from './patch.js';
