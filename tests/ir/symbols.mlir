// Symbol names that are not bare identifiers are quoted when printed;
// quoting a name that does not need it is dropped.

cuda_tile.module @"symbols module" {
  global @"a global" <i32: [1, 2]> : tile<2xi32>
  global @"plain" <i32: [3, 4]> : tile<2xi32>
  entry @"kernel-1"() {
    %p = get_global @"a global" : tile<ptr<i32>>
    %q = get_global @plain : tile<ptr<i32>>
  }
  entry @"_ok$name.x"() {
  }
}
