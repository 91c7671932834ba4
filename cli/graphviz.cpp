// Drawing the graph with Graphviz: `dot -Tsvg` from PATH, spawned directly (no shell sees any
// name from the scan), through temporary files.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "inputs.hpp"

extern char** environ;

namespace residency::cli {

namespace {

std::string read_all(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return std::move(s).str();
}

}  // namespace

std::optional<std::string> render_svg(const std::string& dot, std::string& error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::string tmpl = (fs::temp_directory_path(ec) / "residency-graph-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) {
        error = "cannot create a temporary directory for Graphviz";
        return std::nullopt;
    }
    fs::path dir(tmpl);
    std::string in = (dir / "graph.dot").string(), out = (dir / "graph.svg").string(), err = (dir / "stderr").string();
    std::ofstream(in, std::ios::binary) << dot;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::string o = "-o" + out;
    char* argv[] = {const_cast<char*>("dot"), const_cast<char*>("-Tsvg"), o.data(), in.data(), nullptr};
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, "dot", &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    std::optional<std::string> svg;
    if (rc != 0) {
        error = rc == ENOENT ? "Graphviz `dot` was not found on PATH: install graphviz (apt-get install graphviz), or use "
                               "--format dot and render it elsewhere"
                             : "cannot run Graphviz `dot`";
    } else {
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) svg = read_all(out);
        else error = "Graphviz `dot -Tsvg` failed: " + read_all(err);
    }
    fs::remove_all(dir, ec);
    return svg;
}

}  // namespace residency::cli
