// The core's loadCampaign as a plain CommonJS module, for tests that measure a
// separate process reading a file (out/test/support/loadProbe.js).
export { loadCampaign } from '../../src/core/file/campaignFile';
