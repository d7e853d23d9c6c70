// Tests use tables of their own, so they run side by side against one shared server.
[assembly: Parallelize(Workers = 0, Scope = ExecutionScope.MethodLevel)]
