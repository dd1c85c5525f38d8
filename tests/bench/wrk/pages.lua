-- Voucher page reads as the list issues them: the first page of a few common filters, in turn.
local token = os.getenv("VD_TOKEN")
local paths = {
  "/api/v1/vouchers?limit=50",
  "/api/v1/vouchers?limit=50&status=unused",
  "/api/v1/vouchers?limit=50&status=partially_used",
  "/api/v1/vouchers?limit=50&kind=universal",
  "/api/v1/vouchers?limit=50&sort=expiresAt",
  "/api/v1/vouchers?limit=50&minBalance=1",
}
local n = 0

request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], {["Authorization"] = "Bearer " .. token})
end
