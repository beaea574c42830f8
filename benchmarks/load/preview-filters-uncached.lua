-- wrk script: like preview-filters.lua, but every request carries a different clv_min, so no request is served
-- from the preview cache: this measures the segment engine itself.
local body_prefix
local i = 0

function init(args)
  local f = assert(io.open(args[1] or "benchmarks/load/objective.json", "r"))
  local objective = f:read("*a")
  f:close()
  body_prefix = '{"campaign_objective_object":' .. objective .. ',"new_filters":{"clv_min":'
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  i = i + 1
  local body = body_prefix .. string.format("%.6f", math.random()) .. '}}'
  return wrk.format("POST", "/api/v1/segments/preview-filters", { ["Content-Type"] = "application/json" }, body)
end
