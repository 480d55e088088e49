"""``python -m newsaudit`` is the ``newsaudit`` command."""

from .cli import main

main()
