// Each scenario is its own consumer project and its own tables; two builds at a time fill two cores.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.MethodLevel)]
