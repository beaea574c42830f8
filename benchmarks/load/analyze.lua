-- wrk script: POST /api/v1/campaigns/analyze cycling through the five seed objectives.
local objectives = {
  "Recover abandoned furniture carts from high-value customers in the last 48 hours with a personalized 15% discount to increase conversion by 25%",
  "Recommend complementary furniture items to customers who purchased sofas in the last 30 days to drive cross-sell revenue by 20%",
  "Re-engage customers with high churn risk who haven't purchased in 90 days using exclusive offers to bring back 15%",
  "Welcome new customers acquired in the last 7 days with free shipping to encourage first purchase and boost repeat rate by 30%",
  "Target high CLV customers in London and Manchester with exclusive new product launches to drive regional sales growth",
}
local i = 0

request = function()
  i = i + 1
  local body = '{"objective":"' .. objectives[(i % #objectives) + 1]:gsub('"', '\\"') .. '"}'
  return wrk.format("POST", "/api/v1/campaigns/analyze", { ["Content-Type"] = "application/json" }, body)
end
