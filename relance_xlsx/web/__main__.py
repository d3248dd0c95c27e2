"""python -m relance_xlsx.web: the page, as the relance-ui launcher opens it."""

from . import main

main()
