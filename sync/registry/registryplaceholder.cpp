// The registry server's sources go here (issue 3).
