// The runtime classpath is what an application ships: adding the emulator in test scope must not change it.
def read = { String module ->
    def file = new File(basedir, module + '/target/runtime-classpath.txt')
    assert file.isFile() : "no dependency list at ${file}"
    file.readLines()
        .collect { it.trim() }
        .findAll { it ==~ /[\w.\-]+:[\w.\-]+:.+/ }
        .collect { it.split(/\s+/)[0] }
        .sort()
}
def plain = read('app')
def withEmulator = read('app-with-emulator')

assert plain.any { it.startsWith('dev.stagekit:stage-spring-boot-starter:jar:') } : plain
assert plain.any { it.startsWith('software.amazon.awssdk:s3:jar:') } : plain
assert !plain.any { it.startsWith('io.netty:netty-codec-native-quic:') } :
    "the starter ships Netty's native QUIC jars: ${plain.findAll { it.contains('quic') }}"

def added = withEmulator - plain
def removed = plain - withEmulator
assert added.isEmpty() && removed.isEmpty() :
    "stage-emulator in test scope changes the application's runtime classpath:\n" +
    "  only with the emulator:    ${added}\n  only without the emulator: ${removed}"
println "Runtime classpath unchanged by the emulator: ${plain.size()} artifacts"
return true
