// Every error of all three files is in the log, one line each, in the compiler's format, then one
// failure line; no class for a broken network.
def log = new File(basedir, 'build.log').text
def src = new File(basedir, 'src/main/netc').canonicalPath
def errors = log.readLines().findAll { it.startsWith('[ERROR] ' + src) }
println errors.join('\n')
assert errors.any { it == "[ERROR] ${src}/bad.nn:[3,13] unknown activation 'tahn' (did you mean 'tanh'?)" } : log
assert errors.any { it == "[ERROR] ${src}/worse.nn:[6,31] sgd has no parameter 'momentun' (did you mean 'momentum'?)" } : log
// two networks of the build that generate the same class: reported at the second
assert errors.any { it == "[ERROR] ${src}/same2.nn:[1,9] network 'Same' generates class Same, which the network at same1.nn:1:9 also generates; rename one of them or give their files different packages" } : log
// one line per diagnostic (no second rendering), sorted by file
assert errors.size() == 3 : errors.join('\n')
assert errors[0].contains('/bad.nn:') && errors[1].contains('/same2.nn:') && errors[2].contains('/worse.nn:')
assert log.contains('netc: 3 errors in 3 files') : log
def gen = new File(basedir, 'target/generated-sources/netc')
assert !new File(gen, 'Bad.java').exists()
assert !new File(gen, 'Worse.java').exists()
return true
