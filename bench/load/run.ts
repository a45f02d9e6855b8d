throw new Error("bench/load is being written (issue 11)");
export {};
