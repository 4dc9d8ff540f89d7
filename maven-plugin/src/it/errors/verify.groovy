// Every error of both files is in the log, one line each, in the compiler's format, then one
// failure line; no class for a broken network.
def log = new File(basedir, 'build.log').text
def src = new File(basedir, 'src/main/netc').canonicalPath
def errors = log.readLines().findAll { it.startsWith('[ERROR] ' + src) }
println errors.join('\n')
assert errors.any { it == "[ERROR] ${src}/bad.nn:[3,13] unknown activation 'tahn' (did you mean 'tanh'?)" } : log
assert errors.any { it == "[ERROR] ${src}/worse.nn:[6,31] sgd has no parameter 'momentun' (did you mean 'momentum'?)" } : log
// one line per diagnostic: no second rendering of the same error
assert errors.size() == 2 : errors.join('\n')
assert log.contains('netc: 2 errors in 2 files') : log
def gen = new File(basedir, 'target/generated-sources/netc')
assert !new File(gen, 'Bad.java').exists()
assert !new File(gen, 'Worse.java').exists()
return true
