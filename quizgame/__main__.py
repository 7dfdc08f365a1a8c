from quizgame.cli import main

raise SystemExit(main())
