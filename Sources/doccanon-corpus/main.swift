// The damaged-report corpus generator and accuracy benchmark (issue 6): in progress.
print("doccanon-corpus: not implemented yet")
