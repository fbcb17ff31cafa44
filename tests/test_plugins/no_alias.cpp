// A shared library that is not a fincheck plugin: it exports a function, but not the
// fincheck_plugin_v1 alias.
extern "C" __attribute__((visibility("default"))) int fincheck_test_not_a_plugin() { return 42; }
