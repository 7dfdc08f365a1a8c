"""The classroom over the network: the protocol, the host's server and the join client.

asyncio and aiohttp, no Textual: `protocol` (every message, a pydantic model), `guard` (PIN,
lock-out, rate limit), `classroom` (the host's side of a game, between the network and the
engine), `server` (the aiohttp application), `client` (a student's connection). Imported
only by `quizgame host` and `quizgame join`.
"""
