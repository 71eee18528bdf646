// The baseline for bench/load.mjs: a worker that reads the body and answers Tencent's fixed
// "allow", doing nothing else. Served by workerd with the same settings as timgate, so the
// difference between the two is what timgate's decision costs.
const OK = '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}';

export default {
  async fetch(request) {
    await request.arrayBuffer();
    return new Response(OK, { headers: { "content-type": "application/json; charset=utf-8" } });
  },
};
