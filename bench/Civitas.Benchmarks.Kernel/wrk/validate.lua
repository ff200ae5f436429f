-- GET /v1/otpmanager/otp/validate with fresh OTPs generated beforehand ("key otp" per line in $OTPS); the
-- threads share the file out by line number, and every answer must be VALIDATION_SUCCESSFUL.
dofile(os.getenv("LUA_DIR") .. "/common.lua")
local pending = {}
local next_index = 1

function init(args)
  local threads = tonumber(os.getenv("THREADS"))
  local line = 0
  for entry in io.lines(os.getenv("OTPS")) do
    if line % threads == tid - 1 then
      local key, otp = string.match(entry, "(%S+) (%S+)")
      table.insert(pending, "/v1/otpmanager/otp/validate?key=" .. key .. "&otp=" .. otp)
    end
    line = line + 1
  end
end

function request()
  -- Past the end the OTPs are used up and fail (counted): give the run enough of them.
  local path = pending[((next_index - 1) % #pending) + 1]
  next_index = next_index + 1
  return wrk.format("GET", path, headers)
end

function response(status, hdrs, body)
  check(body, "VALIDATION_SUCCESSFUL")
end
