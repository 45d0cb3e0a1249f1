// The runtime classpath is what an application ships.
// 1. Adding the emulator in test scope must not change it.
// 2. The starter must not bring what nothing uses (Netty's native QUIC jars), and what it adds to a Spring MVC
//    and a WebFlux application is measured here on every build (README quotes these figures).
def read = { String module ->
    def file = new File(basedir, module + '/target/runtime-classpath.txt')
    assert file.isFile() : "no dependency list at ${file}"
    file.readLines()
        .collect { it.trim() }
        .findAll { it ==~ /[\w.\-]+:[\w.\-]+:.+/ }
        .collect { line ->
            def jar = (line =~ /(\/\S+\.jar)/)
            [coordinates: line.split(':').take(5).join(':'), file: jar.find() ? new File(jar.group(1)) : null]
        }
        .sort { it.coordinates }
}
def coordinates = { List artifacts -> artifacts.collect { it.coordinates } }
def megabytes = { List artifacts ->
    artifacts.each { assert it.file != null && it.file.isFile() : "no jar for ${it.coordinates}" }
    artifacts.sum(0L) { it.file.length() } / 1_000_000d
}
def quic = { List artifacts -> coordinates(artifacts).findAll { it.startsWith('io.netty:netty-codec-native-quic:') } }

def plain = read('app')
def withEmulator = read('app-with-emulator')
assert coordinates(plain).any { it.startsWith('dev.stagekit:stage-spring-boot-starter:jar:') } : plain
assert coordinates(plain).any { it.startsWith('software.amazon.awssdk:s3:jar:') } : plain
assert quic(plain).isEmpty() : "the starter ships Netty's native QUIC jars: ${quic(plain)}"
def added = coordinates(withEmulator) - coordinates(plain)
def removed = coordinates(plain) - coordinates(withEmulator)
assert added.isEmpty() && removed.isEmpty() :
    "stage-emulator in test scope changes the application's runtime classpath:\n" +
    "  only with the emulator:    ${added}\n  only without the emulator: ${removed}"
println "Runtime classpath unchanged by the emulator: ${plain.size()} artifacts"

def report = []
['mvc', 'webflux'].each { web ->
    def before = read(web)
    def after = read(web + '-with-starter')
    assert quic(after).isEmpty() : "a ${web} application with the starter ships Netty's native QUIC jars: ${quic(after)}"
    def grown = megabytes(after) - megabytes(before)
    report << String.format(Locale.ROOT, '%-8s %3d jars, %5.1f MB -> with the starter %3d jars, %5.1f MB (%+.1f MB)',
            web, before.size(), megabytes(before), after.size(), megabytes(after), grown)
    // Guards against a dependency that slips in (the QUIC natives were 12.2 MB); not a target.
    assert grown < 25 : "the starter adds ${grown} MB to a ${web} application:\n" +
        (coordinates(after) - coordinates(before)).join('\n')
}
def footprint = new File(basedir, 'target/footprint.txt')
footprint.parentFile.mkdirs()
footprint.text = report.join('\n') + '\n'
report.each { println "Runtime jars of a Spring Boot ${it}" }
return true
