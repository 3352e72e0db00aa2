"""``python -m qiake_auditor``: the command line."""

import sys

from qiake_auditor.cli import main

sys.exit(main())
