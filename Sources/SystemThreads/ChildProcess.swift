#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started with `posix_spawn` (safe in a threaded process, unlike `fork`),
/// talking through its standard input and output; its standard error goes to /dev/null.
/// Used by `batch` to run conversions in worker processes, so that a crash or a hang inside a
/// C library costs one record, not the run.
public final class ChildProcess: @unchecked Sendable {
    public enum Received: Equatable {
        case data([UInt8])
        /// The child closed its output (it exited or was killed).
        case closed
        case timedOut
    }

    public enum Exit: Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    public let pid: pid_t
    private var toChild: Int32
    private let fromChild: Int32
    private var reaped: Exit?

    private init(pid: pid_t, toChild: Int32, fromChild: Int32) {
        self.pid = pid
        self.toChild = toChild
        self.fromChild = fromChild
    }

    /// Starts `executable` with `arguments` (argv[1...]) and the current environment plus
    /// `environment` ("NAME=value" entries, which win).
    public static func spawn(_ executable: String, _ arguments: [String], environment: [String] = []) -> ChildProcess? {
        var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1]
        guard pipe(&input) == 0 else { return nil }
        guard pipe(&output) == 0 else {
            close(input[0]); close(input[1])
            return nil
        }
        for fd in [input[1], output[0]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let names = Set(environment.map { $0.prefix { $0 != "=" } })
        var inherited: [String] = []
        var e = environ
        while let entry = e.pointee {
            let text = String(cString: entry)
            if !names.contains(text.prefix { $0 != "=" }) { inherited.append(text) }
            e += 1
        }
        let envp = (inherited + environment).map { strdup($0) } + [nil]
        defer { for p in envp { free(p) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(input[0])
        close(output[1])
        guard status == 0 else {
            close(input[1]); close(output[0])
            return nil
        }
        return ChildProcess(pid: pid, toChild: input[1], fromChild: output[0])
    }

    /// Writes all of `bytes` to the child's standard input; false when it has gone.
    public func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(toChild, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    /// Reads exactly `count` bytes from the child's output, waiting at most until `deadline`
    /// (CLOCK_MONOTONIC nanoseconds; nil waits without end).
    public func receive(_ count: Int, deadline: UInt64?) -> Received {
        var out = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            var poller = pollfd(fd: fromChild, events: Int16(POLLIN), revents: 0)
            let wait = deadline.map { Int32(clamping: ($0 > Self.now() ? $0 - Self.now() : 0) / 1_000_000) } ?? -1
            let ready = poll(&poller, 1, wait)
            if ready < 0, errno == EINTR { continue }
            if ready == 0 { return .timedOut }
            let n = out.withUnsafeMutableBytes { read(fromChild, $0.baseAddress! + offset, count - offset) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return .closed }
            offset += n
        }
        return .data(out)
    }

    /// Closes the child's standard input (a worker reading records then exits on its own) and
    /// waits for it to end, so that it is gone, and its CPU time counted, before this returns.
    @discardableResult
    public func finish() -> Exit {
        if toChild >= 0 {
            close(toChild)
            toChild = -1
        }
        return reap()
    }

    /// Kills the child (if still running) and reaps it.
    @discardableResult
    public func stop() -> Exit {
        if reaped == nil { kill(pid, SIGKILL) }
        return reap()
    }

    /// Waits for the child to end and tells how.
    public func reap() -> Exit {
        if let reaped { return reaped }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let low = status & 0x7f
        let exit: Exit = low == 0 ? .exited((status >> 8) & 0xff) : .signalled(low)
        reaped = exit
        return exit
    }

    deinit {
        if toChild >= 0 { close(toChild) }
        close(fromChild)
        if reaped == nil { stop() }
    }

    /// CLOCK_MONOTONIC in nanoseconds.
    public static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// The running executable's path (Linux: /proc/self/exe), for starting copies of it.
    public static var currentExecutable: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
