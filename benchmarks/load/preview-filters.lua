-- wrk script: POST /api/v1/segments/preview-filters with a Campaign Objective Object read from a JSON file
-- (benchmarks/load/run.sh writes it from a live analyze call) and a rotating refinement.
local body_prefix
local filters = {
  '{"location_country":"United Kingdom"}',
  '{"clv_min":0.5}',
  '{"location_city":"London"}',
  '{"cart_value_min":300}',
  '{"location_country":"Canada","clv_min":0.7}',
}
local i = 0

function init(args)
  local f = assert(io.open(args[1] or "benchmarks/load/objective.json", "r"))
  local objective = f:read("*a")
  f:close()
  body_prefix = '{"campaign_objective_object":' .. objective .. ',"new_filters":'
end

request = function()
  i = i + 1
  local body = body_prefix .. filters[(i % #filters) + 1] .. '}'
  return wrk.format("POST", "/api/v1/segments/preview-filters", { ["Content-Type"] = "application/json" }, body)
end
