-- wrk script for bench/load.mjs: POSTs before-send callbacks to the URL given to wrk (query
-- string included), cycling through the bodies of a file, one JSON body per line:
--   wrk -t1 -c32 -d15s --latency -s bench/load.lua URL -- BODIES_FILE
local bodies = {}
local next_body = 0

function init(args)
  for line in io.lines(args[1]) do
    bodies[#bodies + 1] = line
  end
end

function request()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, bodies[next_body])
end
