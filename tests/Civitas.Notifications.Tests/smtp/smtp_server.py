"""A real SMTP server (aiosmtpd) for the notification tests, started and stopped by the tests.

Every accepted message is written as an .eml file into --dir. Recipients starting with "reject" are refused
with 550, those starting with "defer" with 451. With --auth user:password the server offers AUTH (without TLS,
on 127.0.0.1 only) and accepts only that pair. Prints READY once listening; stops when stdin closes.
"""
import argparse
import os
import sys
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class SavingHandler:
    def __init__(self, directory):
        self.directory = directory

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("reject"):
            return "550 5.1.1 Mailbox unavailable"
        if address.startswith("defer"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = uuid.uuid4().hex
        temporary = os.path.join(self.directory, name + ".tmp")
        with open(temporary, "wb") as output:
            output.write(envelope.original_content)
        # Renamed only when complete, so a test never reads half a message.
        os.rename(temporary, os.path.join(self.directory, name + ".eml"))
        return "250 Message accepted for delivery"


def make_authenticator(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password:
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)
    return authenticate


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--auth")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    options = {}
    if args.auth:
        user, password = args.auth.split(":", 1)
        options = dict(authenticator=make_authenticator(user, password), auth_required=True, auth_require_tls=False)
    controller = Controller(SavingHandler(args.dir), hostname="127.0.0.1", port=args.port, **options)
    controller.start()
    print("READY", flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
