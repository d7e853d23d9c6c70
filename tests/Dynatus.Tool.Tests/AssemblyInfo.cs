// Each test uses tables of its own, under a name of its own.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.MethodLevel)]
