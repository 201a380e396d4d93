import { removeTestApps } from './app.ts';

// Each infra test file's synthesized apps are deleted once its tests have run.
afterAll(removeTestApps);
