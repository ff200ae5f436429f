-- POST /v1/otpmanager/otp/generate, a new key per request.
dofile(os.getenv("LUA_DIR") .. "/common.lua")
local n = 0

function request()
  n = n + 1
  local body = string.format('{"id":"mosip.kernel.otp.generate","version":"1.0","request":{"key":"wrk-%s-%d-%d"}}',
    os.getenv("RUN"), tid, n)
  return wrk.format("POST", "/v1/otpmanager/otp/generate", headers, body)
end

function response(status, hdrs, body)
  check(body, "GENERATION_SUCCESSFUL")
end
