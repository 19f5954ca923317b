// Worker-thread entry (plain CommonJS): loads tsx, then the TypeScript renderer. Worker threads do not
// take the parent's --import loaders, so tsx is registered here.
const { register } = require("tsx/cjs/api");
register();
require("./render-worker.ts");
