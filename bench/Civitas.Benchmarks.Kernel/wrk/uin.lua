-- GET /v1/idgenerator/uin.
dofile(os.getenv("LUA_DIR") .. "/common.lua")

function request()
  return wrk.format("GET", "/v1/idgenerator/uin", headers)
end

function response(status, hdrs, body)
  check(body, '"uin":"')
end
