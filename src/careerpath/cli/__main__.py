from careerpath.cli import app

app()
