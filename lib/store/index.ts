export { store, openStore, storeFile, type Database } from './db';
export { dataDir } from './data-dir';
