// Integration tests start applications and talk to real servers: allow them a minute each.
jest.setTimeout(60_000);
