throw new Error("bench/wire is being written (issue 11)");
export {};
