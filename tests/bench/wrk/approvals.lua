-- Approvals of distinct pending applications: each wrk thread takes every k-th id of the list
-- in VD_IDS, so no application is approved twice.
local token = os.getenv("VD_TOKEN")
local ids = {}
for line in io.lines(os.getenv("VD_IDS")) do ids[#ids + 1] = line end
local threads = 0

setup = function(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

init = function(args)
  step = tonumber(os.getenv("VD_THREADS"))
  next_index = offset + 1
end

request = function()
  local id = ids[next_index]
  next_index = next_index + step
  if id == nil then id = ids[1] end
  return wrk.format("POST", "/api/v1/applications/" .. id .. "/approve",
                    {["Authorization"] = "Bearer " .. token,
                     ["Content-Type"] = "application/json"}, "{}")
end
