#!/bin/sh
# Kernels that never finish must be reported, never waited out: a loop
# whose iterations change nothing, blocks that wait for each other, and
# loops that keep changing their state but never end (these need the
# iteration budget; BUDGET is the option that sets it low enough for a
# test).  Each run gets LIMIT seconds (lib.sh); running out is a failure.
. "$(dirname "$0")/lib.sh"
BUDGET=${BUDGET:---max-iterations 100000}

# an iteration that changes neither carried values nor memory
kernel still <<'EOF'
cuda_tile.module @t {
  entry @k() {
    loop {
      continue
    }
  }
}
EOF
expect 1 'still.mlir:3:[0-9]+: error: block \(0,0,0\): infinite loop' run still.mlir

# the same with a carried value that does not change, in the second block
kernel still2 <<'EOF'
cuda_tile.module @t {
  entry @k(%out: tile<ptr<i32>>) {
    %x, %y, %z = get_tile_block_id : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %r = loop iter_values(%v = %x) : tile<i32> -> tile<i32> {
      %done = cmpi equal %v, %one, signed : tile<i32> -> tile<i1>
      if %done {
        continue %v : tile<i32>
      }
      break %v : tile<i32>
    }
    %p = offset %out, %x : tile<ptr<i32>>, tile<i32> -> tile<ptr<i32>>
    %t = store_ptr_tko weak %p, %r : tile<ptr<i32>>, tile<i32> -> token
  }
}
EOF
expect 1 'still2.mlir:5:[0-9]+: error: block \(1,0,0\): infinite loop' run still2.mlir --grid 3 zeros:i32:3

# blocks that spin on a flag nobody sets: a deadlock under the
# cooperative schedule
kernel spin <<'EOF'
cuda_tile.module @t {
  entry @k(%flag: tile<ptr<i32>>, %setter: tile<i32>) {
    %x, %y, %z = get_tile_block_id : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %me = cmpi equal %x, %setter, signed : tile<i32> -> tile<i1>
    if %me {
      %old, %t0 = atomic_rmw_tko relaxed device %flag, xchg, %one : tile<ptr<i32>>, tile<i32> -> tile<i32>, token
    } else {
      loop {
        %v, %t1 = load_ptr_tko acquire device %flag : tile<ptr<i32>> -> tile<i32>, token
        %set = cmpi equal %v, %one, signed : tile<i32> -> tile<i1>
        if %set {
          break
        }
        continue
      }
    }
  }
}
EOF
# block 3 sets the flag; blocks 0..2 wait for it (they start first)
expect 0 '' run spin.mlir --grid 4 zeros:i32:1 i32:3
# nobody sets it
expect 1 'error: .*deadlock: 4 tile blocks \(\(0,0,0\), \(1,0,0\), \(2,0,0\), \(3,0,0\)\) wait in this loop forever' \
  run spin.mlir --grid 4 zeros:i32:1 i32:7

# --- loops that always change their state: the iteration budget ---
# a counter that never reaches its bound
kernel count <<'EOF'
cuda_tile.module @t {
  entry @k(%out: tile<ptr<i32>>) {
    %z = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %r = loop iter_values(%i = %z) : tile<i32> -> tile<i32> {
      %j = addi %i, %one : tile<i32>
      %neg = cmpi less_than %j, %z, signed : tile<i32> -> tile<i1>
      if %neg {
        continue %z : tile<i32>
      }
      continue %j : tile<i32>
    }
    %t = store_ptr_tko weak %out, %r : tile<ptr<i32>>, tile<i32> -> token
  }
}
EOF
expect 1 'count.mlir:5:[0-9]+: error: block \(0,0,0\): .*(iterations|did not finish)' run count.mlir $BUDGET zeros:i32:1

# two states in turn
kernel flip <<'EOF'
cuda_tile.module @t {
  entry @k() {
    %z = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    loop iter_values(%i = %z) : tile<i32> {
      %j = subi %one, %i : tile<i32>
      continue %j : tile<i32>
    }
  }
}
EOF
expect 1 'flip.mlir:5:[0-9]+: error: .*(iterations|did not finish)' run flip.mlir $BUDGET

# a loop that stores a new value on every iteration
kernel store <<'EOF'
cuda_tile.module @t {
  entry @k(%out: tile<ptr<i32>>) {
    %z = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    loop iter_values(%i = %z) : tile<i32> {
      %t = store_ptr_tko weak %out, %i : tile<ptr<i32>>, tile<i32> -> token
      %j = xori %i, %one : tile<i32>
      continue %j : tile<i32>
    }
  }
}
EOF
expect 1 'store.mlir:5:[0-9]+: error: .*(iterations|did not finish)' run store.mlir $BUDGET zeros:i32:1

# a counted loop of 2^62 iterations
kernel long <<'EOF'
cuda_tile.module @t {
  entry @k(%n: tile<i64>) {
    %z = constant <i64: 0> : tile<i64>
    %one = constant <i64: 1> : tile<i64>
    %s = for %i in (%z to %n, step %one) : tile<i64> iter_values(%a = %z) -> (tile<i64>) {
      %b = addi %a, %i : tile<i64>
      continue %b : tile<i64>
    }
  }
}
EOF
expect 1 'long.mlir:5:[0-9]+: error: .*(iterations|did not finish)' run long.mlir $BUDGET i64:4611686018427387904

finish
