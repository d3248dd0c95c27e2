"""python -m relance_xlsx (the current folder is already off the import path: see __init__)"""

from .cli import app

app()
