"""The desk: a web UI and REST API over the ledger (``storyline serve``), with editors' verdicts.

Importing this package loads nothing heavy; ``storyline.web.app`` needs FastAPI, Jinja2 and uvicorn.
"""
