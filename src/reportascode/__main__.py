from reportascode.cli import main

main()
