"""python -m relance_xlsx"""

from .cli import app

app()
