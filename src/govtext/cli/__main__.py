"""`python -m govtext.cli`."""

import sys

from . import main

sys.exit(main())
