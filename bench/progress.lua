-- wrk's script for LoadBenchmark: progress reports like the player's, as fast as answered.
-- wrk -s bench/progress.lua ... URL -- <members file> <wrk threads> <step s> <first position s>
-- The members file has one line per member: cookie TAB csrf header TAB csrf token TAB lesson id,lesson id,...
-- Each wrk thread takes every n-th member and reports on their lessons in turn, each report a step further on from
-- the first position (a later run starts further on, so its reports are new study time, not repeats).
local counter = 1
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local n = tonumber(args[2])
  step = tonumber(args[3])
  first_position = tonumber(args[4])
  clients = {}
  local i = 0
  for line in io.lines(args[1]) do
    if i % n == id - 1 then
      local cookie, header, token, ids = line:match("([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)")
      local lessons = {}
      for lesson in ids:gmatch("[^,]+") do table.insert(lessons, lesson) end
      table.insert(clients, { headers = { ["Cookie"] = cookie, [header] = token,
        ["Content-Type"] = "application/json" }, lessons = lessons, at = {}, next = 1 })
    end
    i = i + 1
  end
  turn = 0
  statuses = 0
end

function request()
  turn = turn % #clients + 1
  local c = clients[turn]
  local lesson = c.lessons[c.next]
  c.next = c.next % #c.lessons + 1
  local at = c.at[lesson] or first_position
  c.at[lesson] = at + step
  local body = string.format('{"lessonId":"%s","spans":[[%.3f,%.3f]],"position":%.3f}', lesson, at, at + step, at + step)
  return wrk.format("POST", "/api/progress", c.headers, body)
end

function response(status, headers, body)
  if status ~= 200 then
    statuses = statuses + 1
    if statuses < 3 then io.stderr:write(status .. " " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("statuses") end
  io.write(string.format("requests %d not-200 %d errors %d p50_us %d p99_us %d\n", summary.requests, bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
