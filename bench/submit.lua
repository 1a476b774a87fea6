-- wrk script for a closed-loop capacity check of comment submission (see docs/benchmarks.md):
--   bash bench/load.sh 100x5 -Dkaimen.bench.load.hold=true &   # the app stays up 20 min; target/load/server.txt
--   read url draft < target/load/server.txt
--   DRAFT=$draft LOAD_DIR=$PWD/target/load wrk -t2 -c8 -d20s --latency -s bench/submit.lua "$url"
local dir = os.getenv("LOAD_DIR") or "target/load"
local draft = os.getenv("DRAFT") or "1"
local tokens, provisions = {}, {}
for line in io.lines(dir .. "/tokens.txt") do tokens[#tokens + 1] = line end
for line in io.lines(dir .. "/provisions.txt") do provisions[#provisions + 1] = line end
local n = 0
request = function()
  n = n + 1
  local body = '{"provisionId":' .. provisions[(n % #provisions) + 1]
      .. ',"stance":"MODIFY","text":"物业费应当公开透明，建议每季度公示一次。' .. math.random(1, 1000000000)
      .. '号楼","privacyConsent":true}'
  return wrk.format("POST", "/api/v1/drafts/" .. draft .. "/comments",
      { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1] }, body)
end
