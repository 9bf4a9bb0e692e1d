for (let i = 0; i < 10; i++) {
  const sq = i * i;
}
console.log('end');
